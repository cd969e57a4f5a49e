using System.Text.Json.Nodes;

namespace Reelgate.Server.Features.OpenAiVideos;

/// <summary>
/// A create or remix request as read from the wire, JSON or multipart alike: its fields (form fields as strings,
/// nested <c>a[b]</c> names as objects), the <c>input_reference</c> file spooled to disk if one came, and a hash of
/// the whole (for Idempotency-Key). The reader owns the spooled file and deletes it on dispose.
/// </summary>
public sealed class VideoForm(JsonObject fields, string? referenceFile, string hash, bool fromMultipart) : IDisposable
{
    public const string InputReferenceField = "input_reference";

    public JsonObject Fields => fields;

    public string? ReferenceFile => referenceFile;

    public string Hash => hash;

    /// <summary>True when the values are form strings: the translator types them by the card.</summary>
    public bool FromMultipart => fromMultipart;

    public void Dispose()
    {
        if (referenceFile is not null)
        {
            var folder = Path.GetDirectoryName(referenceFile)!;
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
