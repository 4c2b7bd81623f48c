namespace Unbundled.Domain.Invitations;

/// <summary>Why an invite was rejected. Names travel on the wire: never rename one.</summary>
public enum InviteFailureReason
{
    EmailRequired,
    InvalidEmail,
    AlreadyInvited,
}
