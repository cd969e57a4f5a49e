namespace Reelgate.Engines.Upstream.EmpirioLabs;

/// <summary>How input images reach EmpirioLabs (or another Reelgate), which takes them as URLs.</summary>
public enum EmpirioLabsImageTransport
{
    /// <summary>A data URI of the normalised bytes inside the JSON body (a Reelgate caps JSON bodies at 1 MiB).</summary>
    DataUri,

    /// <summary>POST /v1/uploads first (multipart, field "file"), then the upload id as the image.</summary>
    Upload,
}
