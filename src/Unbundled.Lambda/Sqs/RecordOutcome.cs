namespace Unbundled.Lambda.Sqs;

/// <summary>What became of one record of an SQS event.</summary>
internal enum RecordOutcome
{
    /// <summary>Handled: the event source deletes it.</summary>
    Processed,

    /// <summary>Moved to error by recoverability (or as it is, unreadable): the event source deletes it.</summary>
    Settled,

    /// <summary>A delayed retry: its visibility is the retry's delay, and as a batch item failure it comes back then.</summary>
    ComesBack,

    /// <summary>Not finished in this invocation (the deadline, or recoverability itself failed): a batch item failure.</summary>
    Unfinished,
}
