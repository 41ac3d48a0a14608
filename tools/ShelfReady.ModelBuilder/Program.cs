using System.Globalization;
using ShelfReady.ModelBuilder.Models;

// Writes the tiny models, their cards, labels and taxonomy under the given folder (default: models).
var directory = args.Length > 0 ? args[0] : "models";
foreach (var (path, content) in ModelCatalog.WriteTo(directory))
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.Combine(directory, path)} ({content.Length} bytes)"));
}
