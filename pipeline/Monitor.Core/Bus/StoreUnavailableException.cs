namespace Monitor.Core.Bus;

/// <summary>The store cannot take writes now (locked, disk full, I/O error, cluster unreachable): the message is fine and
/// the bus waits and tries again instead of dead-lettering it. A store throws it, or gives <see cref="BadMessagePolicy"/>
/// a test that recognises its own exceptions.</summary>
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
