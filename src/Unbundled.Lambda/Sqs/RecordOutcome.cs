namespace Unbundled.Lambda.Sqs;

/// <summary>What became of one record of an SQS event.</summary>
internal enum RecordOutcome
{
    /// <summary>Handled: the event source deletes it.</summary>
    Processed,

    /// <summary>It failed and recoverability took it over (a delayed retry sent, or moved to error): the event source deletes it.</summary>
    HandedToRecoverability,

    /// <summary>Not finished in this invocation (the deadline, or recoverability itself failed): a batch item failure.</summary>
    Unfinished,
}
