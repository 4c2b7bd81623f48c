namespace Unbundled.Messaging.Embedded;

/// <summary>
/// A message file a receiver may try to claim. A send from this process also hands over the file's content, so the
/// receiver that wins the claim need not read the file back. <paramref name="New"/>: a message never dispatched
/// before (<see cref="Transport.TransportOperations.NewMessages"/>), accepted by the receiver straight from its sender.
/// <paramref name="Slot"/>: the receiver's slot file that holds the message instead of a file of its own (then
/// <paramref name="FileName"/> only names it, and <paramref name="Content"/> is there). <paramref name="Message"/>: the
/// message the content was formatted from, by a sender in this process, so that it need not be parsed back.
/// </summary>
internal readonly record struct Candidate(
    string FileName, byte[]? Content = null, bool New = false, SlotFile? Slot = null, Transport.OutgoingMessage? Message = null);
