namespace Unbundled.Lambda.Runtime;

/// <summary>What a function does with one invocation; throwing reports an invocation error.</summary>
public interface IInvocationHandler
{
    /// <param name="cancellationToken">Cancelled shortly before the deadline, so the answer still reaches the Runtime API.</param>
    /// <returns>The response payload (JSON).</returns>
    Task<byte[]> Handle(Invocation invocation, CancellationToken cancellationToken);
}
