namespace Unbundled.Domain.Invitations;

/// <summary>
/// Why an invite was rejected. The numbers travel on the wire (System.Text.Json's default, which NServiceBus's
/// SystemJsonSerializer keeps): never renumber one, add new ones at the end. Names are read too, from senders that write
/// enums as names.
/// </summary>
public enum InviteFailureReason
{
    EmailRequired = 0,
    InvalidEmail = 1,
    AlreadyInvited = 2,
}
