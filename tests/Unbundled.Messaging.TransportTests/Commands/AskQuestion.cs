namespace Unbundled.Messaging.TransportTests.Commands;

/// <summary>Its handler replies with an <c>Answer</c>, an int or a <c>Verdict</c>, as asked, after an optional delay.</summary>
public sealed record AskQuestion(string Text, string ReplyWith = "Answer", int DelayMilliseconds = 0);
