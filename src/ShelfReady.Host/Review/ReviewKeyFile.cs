using System.Security.Cryptography;
using System.Text.Json;
using ShelfReady.Review;

namespace ShelfReady.Host.Review;

/// <summary>
/// The embedded default for link signing when configuration names no key: one random key kept in a file
/// beside the engine database, so links a <c>demo</c> wrote still verify when <c>serve</c> runs on its folder.
/// </summary>
internal static class ReviewKeyFile
{
    private const string KeyId = "local";

    public static void Apply(ReviewOptions options, string databasePath)
    {
        if (options.SigningKeys.Count > 0)
        {
            return;
        }

        var path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(databasePath))!, "review-keys.json");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var created = new Dictionary<string, string> { [KeyId] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) };
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                JsonSerializer.Serialize(file, created);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; read theirs below so both sign with one key.
            }
        }

        options.SigningKeys = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllBytes(path)) ?? [];
        options.ActiveKeyId ??= KeyId;
    }
}
