using System.Security.Cryptography;

namespace Outbound.Core.Lists;

/// <summary>A stream that can only be read forward; what makes it different is how it reads.</summary>
internal abstract class ForwardOnlyStream : Stream
{
    public abstract override int Read(Span<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>A pass-through that counts the bytes read (for the progress bar) and hashes them (list_imports.file_sha256).</summary>
internal sealed class HashingStream(Stream inner) : ForwardOnlyStream
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public long BytesRead { get; private set; }

    public string Sha256Hex() => Convert.ToHexStringLower(_sha256.GetCurrentHash());

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        _sha256.AppendData(buffer[..read]);
        BytesRead += read;
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _sha256.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>The sniffed head of a stream, then the rest of it.</summary>
internal sealed class HeadThenRest(byte[] head, int headLength, Stream rest) : ForwardOnlyStream
{
    private int _position;

    public override int Read(Span<byte> buffer)
    {
        if (_position >= headLength) return rest.Read(buffer);
        var read = Math.Min(buffer.Length, headLength - _position);
        head.AsSpan(_position, read).CopyTo(buffer);
        _position += read;
        return read;
    }
}
