using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ShelfReady.Pipeline.Naming;

/// <summary>
/// Renders export file names from templates such as <c>{asin}.MAIN.{ext}</c> or <c>{sku}_{index:00}.{ext}</c>.
/// A placeholder may list fallbacks, <c>{asin|sku|stem}</c>, and takes the first that has a value; a number
/// may carry a format, <c>{index:00}</c>. Values are reduced to characters every marketplace and file
/// system accepts, so a hostile SKU cannot write outside its folder.
/// </summary>
public static partial class NameTemplate
{
    private const int MaxNameLength = 120;

    /// <summary>Renders the template with the given values (keys case-insensitive).</summary>
    /// <exception cref="InvalidOperationException">A placeholder has no value, or the result is empty.</exception>
    public static string Render(string template, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var lookup = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
        var rendered = Placeholder().Replace(template, match => Resolve(match, lookup, template));
        var safe = MakeSafe(rendered);
        return safe.Length == 0 || safe.Trim('.').Length == 0
            ? throw new InvalidOperationException($"Template '{template}' rendered an empty file name.")
            : safe;
    }

    /// <summary>Keeps letters, digits, '.', '-' and '_'; replaces runs of anything else with one '_'.</summary>
    public static string MakeSafe(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
            {
                builder.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && (builder.Length == 0 || builder[^1] != '_'))
            {
                builder.Append('_');
            }
        }

        var text = builder.ToString().TrimStart('.', '_');
        while (text.Contains("..", StringComparison.Ordinal))
        {
            text = text.Replace("..", ".", StringComparison.Ordinal);
        }

        return text.Length <= MaxNameLength ? text : text[..MaxNameLength];
    }

    /// <summary>The n-th alternative of a taken name: "-n" before the extension (n ≥ 2).</summary>
    public static string WithSuffix(string name, int n)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? $"{name}-{n}" : $"{name[..dot]}-{n}{name[dot..]}";
    }

    private static string Resolve(Match match, Dictionary<string, string?> values, string template)
    {
        var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
        foreach (var key in match.Groups["keys"].Value.Split('|'))
        {
            if (values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return format is not null && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                    ? number.ToString(format, CultureInfo.InvariantCulture)
                    : value;
            }
        }

        throw new InvalidOperationException($"Template '{template}' needs {match.Value} but no value was given for {match.Groups["keys"].Value.Replace("|", " or ", StringComparison.Ordinal)}.");
    }

    [GeneratedRegex(@"\{(?<keys>[A-Za-z_]+(?:\|[A-Za-z_]+)*)(?::(?<format>[0#]+))?\}")]
    private static partial Regex Placeholder();
}
