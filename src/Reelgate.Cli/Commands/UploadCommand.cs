using System.CommandLine;

namespace Reelgate.Cli.Commands;

/// <summary>reelgate upload FILE: stores an image for i2v and prints its id (use it as --image).</summary>
public static class UploadCommand
{
    public static Command Create(GlobalOptions global)
    {
        var file = new Argument<string>("file") { Description = "A JPEG, PNG or WebP image (at most 50 MiB)" };
        var command = new Command("upload", "Upload an image; prints the id to pass as --image or --image-end") { file };
        command.SetAction(global, async (context, cancellationToken) =>
        {
            var path = context.Value(file)!;
            if (!File.Exists(path))
            {
                throw new UsageException($"no such file '{path}'");
            }

            var upload = await context.Client.UploadFileAsync(path, cancellationToken);
            return context.Print(upload, terminal =>
            {
                terminal.Line(upload.Id);
                terminal.Note($"{upload.Width}x{upload.Height} {upload.ContentType}, {Output.ByteSize.Format(upload.Bytes)} " +
                    $"(from {upload.OriginalWidth}x{upload.OriginalHeight})");
            });
        });
        return command;
    }
}
