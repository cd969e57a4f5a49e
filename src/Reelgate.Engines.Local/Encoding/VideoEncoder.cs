using System.Threading.Channels;
using Reelgate.Engines.Local.Rendering;
using SkiaSharp;

namespace Reelgate.Engines.Local.Encoding;

/// <summary>
/// Streams frames into ffmpeg. A drawing task renders each frame into one reused bitmap and converts it to
/// YUV 4:2:0 into one of a few pooled buffers; a writer task feeds the buffers to ffmpeg's stdin. The two overlap through
/// bounded channels (<see cref="Buffers"/> frames at most in flight), so drawing and encoding use both
/// cores and memory does not grow with the clip's length. On cancel or failure ffmpeg is stopped (asked,
/// then killed) and the partial files are deleted.
/// </summary>
public sealed class VideoEncoder(FfmpegOptions options, ChildProcessTracker processes, TimeProvider time)
{
    public const int Buffers = 3;
    private const int PosterQuality = 90;

    public async Task EncodeAsync(IFrameSource source, EncodeRequest request, IProgress<int> progress, CancellationToken cancellationToken)
    {
        var arguments = FfmpegArguments.Encode(
            request.Width, request.Height, request.AudioPath, options.Preset, options.Threads, request.OutputPath, request.Fps);
        await using var ffmpeg = FfmpegProcess.Start(options.FfmpegPath, arguments, processes, options.StopGracePeriod, time);
        var free = Channel.CreateBounded<byte[]>(Buffers);
        var filled = Channel.CreateBounded<byte[]>(Buffers);
        for (var i = 0; i < Buffers; i++)
        {
            free.Writer.TryWrite(new byte[Yuv420Converter.BufferSize(request.Width, request.Height)]);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var draw = Task.Run(() => DrawAllAsync(source, request, free.Reader, filled.Writer, stop.Token), stop.Token);
        var write = WriteAllAsync(ffmpeg, request.FrameCount, filled.Reader, free.Writer, progress, stop.Token);
        var work = Task.WhenAll(draw, write);
        try
        {
            await work;
            var exitCode = await ffmpeg.CompleteAsync(cancellationToken);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"ffmpeg exited with code {exitCode}: {ffmpeg.ErrorTail}");
            }
        }
        catch (Exception e)
        {
            await stop.CancelAsync();
            await ffmpeg.StopAsync();
            await Task.WhenAny(work);
            Delete(request.OutputPath);
            Delete(request.PosterPath);
            if (e is IOException && !cancellationToken.IsCancellationRequested)
            {
                throw new InvalidOperationException($"ffmpeg stopped reading frames: {ffmpeg.ErrorTail}", e);
            }

            throw;
        }

        progress.Report(100);
    }

    private static async Task DrawAllAsync(
        IFrameSource source, EncodeRequest request, ChannelReader<byte[]> free, ChannelWriter<byte[]> filled,
            CancellationToken cancellationToken)
    {
        try
        {
            using var bitmap = new SKBitmap(new SKImageInfo(request.Width, request.Height, SKColorType.Bgra8888, SKAlphaType.Premul));
            using var canvas = new SKCanvas(bitmap);
            for (var frame = 0; frame < request.FrameCount; frame++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                source.Draw(canvas, bitmap, frame);
                canvas.Flush();
                if (frame == request.PosterFrame)
                {
                    await WritePosterAsync(bitmap, request.PosterPath, cancellationToken);
                }

                var buffer = await free.ReadAsync(cancellationToken);
                Yuv420Converter.Convert(bitmap.GetPixelSpan(), request.Width, request.Height, buffer);
                await filled.WriteAsync(buffer, cancellationToken);
            }

            filled.Complete();
        }
        catch (Exception e)
        {
            filled.TryComplete(e);
            throw;
        }
    }

    private static async Task WriteAllAsync(
        FfmpegProcess ffmpeg, int frameCount, ChannelReader<byte[]> filled, ChannelWriter<byte[]> free, IProgress<int> progress,
            CancellationToken cancellationToken)
    {
        var written = 0;
        var reported = -1;
        await foreach (var buffer in filled.ReadAllAsync(cancellationToken))
        {
            await ffmpeg.Input.WriteAsync(buffer, cancellationToken);
            free.TryWrite(buffer);
            written++;
            var percent = written * 99 / frameCount;
            if (percent != reported)
            {
                reported = percent;
                progress.Report(percent);
            }
        }
    }

    private static async Task WritePosterAsync(SKBitmap bitmap, string path, CancellationToken cancellationToken)
    {
        using var pixels = bitmap.PeekPixels();
        using var data = pixels.Encode(new SKJpegEncoderOptions(PosterQuality))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the poster as JPEG");
        await using var file = File.Create(path);
        await file.WriteAsync(data.AsSpan().ToArray(), cancellationToken);
    }

    private static void Delete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the worker deletes the whole work folder afterwards.
        }
    }
}
