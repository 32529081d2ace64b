namespace LowCode.Server.Attachments;

/// <summary>An uploaded file written to a local upload file (flushed to disk), measured and hashed on the way.</summary>
public sealed record ReceivedFile(string Path, string FileName, long Size, string Sha256, byte[] Head);
