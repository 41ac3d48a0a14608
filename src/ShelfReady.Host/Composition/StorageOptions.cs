using System.ComponentModel.DataAnnotations;

namespace ShelfReady.Host.Composition;

/// <summary>Where blobs live (configuration section "Storage").</summary>
public sealed class StorageOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>"Folder" (default: a folder per container on disk) or "AzureBlob" (Azure or Azurite).</summary>
    public StorageKind Kind { get; set; } = StorageKind.Folder;

    /// <summary>Root folder for the folder store. Default ".shelfready/storage" under the working directory.</summary>
    public string Root { get; set; } = Path.Combine(".shelfready", "storage");

    /// <summary>Connection string for Azure Blob Storage or Azurite.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Account endpoint, used with managed identity (DefaultAzureCredential) when no connection string is set.</summary>
    public Uri? AccountUri { get; set; }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Kind == StorageKind.Folder && string.IsNullOrWhiteSpace(Root))
        {
            yield return new ValidationResult("Storage:Root is required for the folder store.", [nameof(Root)]);
        }

        if (Kind == StorageKind.AzureBlob && string.IsNullOrWhiteSpace(ConnectionString) && AccountUri is null)
        {
            yield return new ValidationResult("Storage:ConnectionString or Storage:AccountUri is required for Azure Blob storage.", [nameof(ConnectionString)]);
        }
    }
}
