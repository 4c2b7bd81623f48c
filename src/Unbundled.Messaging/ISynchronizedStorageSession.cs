namespace Unbundled.Messaging;

/// <summary>A persistence's unit of work shared by the handlers of one message; each persistence offers a typed view of it.</summary>
public interface ISynchronizedStorageSession;
