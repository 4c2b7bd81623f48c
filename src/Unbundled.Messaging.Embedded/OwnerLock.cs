namespace Unbundled.Messaging.Embedded;

/// <summary>
/// Lock files that say a process is alive: held open with <see cref="FileShare.None"/> for as long as it lives (an OS
/// lock, released by the kernel when the process dies however it dies).
/// </summary>
internal static class OwnerLock
{
    /// <summary>
    /// Creates and holds a lock. It is taken under another name and renamed into place, so that nobody looking for
    /// abandoned locks ever finds it before it is held.
    /// </summary>
    public static FileStream Create(string lockPath)
    {
        var pending = lockPath + ".new";
        var held = new FileStream(pending, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        File.Move(pending, lockPath, overwrite: true);
        return held;
    }

    /// <summary>Opens the lock of an owner that is gone; null while its owner holds it.</summary>
    public static FileStream? TryTake(string lockPath)
    {
        try
        {
            return new FileStream(lockPath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
