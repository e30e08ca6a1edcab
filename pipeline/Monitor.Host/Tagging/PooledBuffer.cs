using System.Buffers;

namespace Monitor.Host.Tagging;

/// <summary>A growing output buffer whose arrays come from the shared pool and go back to it once the bytes are
/// written (<see cref="Return"/>): a chunk's output is about a fifth of its input, a new array per chunk landed on the
/// large object heap (docs/tagging.md, "Speed").</summary>
internal sealed class PooledBuffer(int capacity) : IBufferWriter<byte>
{
    private byte[] _array = ArrayPool<byte>.Shared.Rent(Math.Max(256, capacity));
    private int _written;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _written);

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_written);
    }

    /// <summary>Gives the array back to the pool; the buffer is not used afterwards.</summary>
    public void Return()
    {
        ArrayPool<byte>.Shared.Return(_array);
        _array = [];
        _written = 0;
    }

    private void Reserve(int sizeHint)
    {
        var needed = _written + Math.Max(1, sizeHint);
        if (needed <= _array.Length)
        {
            return;
        }

        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
        _array.AsSpan(0, _written).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_array);
        _array = larger;
    }
}
