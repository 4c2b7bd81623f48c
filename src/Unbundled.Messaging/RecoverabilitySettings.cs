namespace Unbundled.Messaging;

/// <summary>NServiceBus recoverability: immediate retries, then delayed retries, then the error queue.</summary>
public sealed class RecoverabilitySettings
{
    private readonly HashSet<Type> unrecoverableExceptions = [typeof(MessageDeserializationException), typeof(NoHandlerFoundException)];

    /// <summary>Immediate retries after the first failure; NServiceBus's default is 5.</summary>
    public int ImmediateRetries { get; private set; } = 5;

    /// <summary>Delayed retries once immediate retries are used up; NServiceBus's default is 3.</summary>
    public int DelayedRetries { get; private set; } = 3;

    /// <summary>The delay of delayed retry n (1-based) is n × this; NServiceBus's default is 10 s.</summary>
    public TimeSpan DelayedRetryTimeIncrease { get; private set; } = TimeSpan.FromSeconds(10);

    /// <summary>Delayed retries stop once the first one is older than this; NServiceBus uses 24 hours.</summary>
    public TimeSpan DelayedRetryWindow { get; private set; } = TimeSpan.FromHours(24);

    public IReadOnlyCollection<Type> UnrecoverableExceptions => unrecoverableExceptions;

    public RecoverabilitySettings Immediate(int numberOfRetries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numberOfRetries);
        ImmediateRetries = numberOfRetries;
        return this;
    }

    public RecoverabilitySettings Delayed(int numberOfRetries, TimeSpan? timeIncrease = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(numberOfRetries);
        DelayedRetries = numberOfRetries;
        DelayedRetryTimeIncrease = timeIncrease ?? DelayedRetryTimeIncrease;
        return this;
    }

    /// <summary>Exceptions of this type (or derived from it) skip every retry and go straight to the error queue.</summary>
    public RecoverabilitySettings AddUnrecoverableException(Type exceptionType)
    {
        unrecoverableExceptions.Add(exceptionType);
        return this;
    }

    internal bool IsUnrecoverable(Exception exception) =>
        unrecoverableExceptions.Any(type => type.IsInstanceOfType(exception));
}
