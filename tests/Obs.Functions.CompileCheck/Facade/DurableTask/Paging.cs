// Facade (never shipped): microsoft/durabletask-dotnet src/Abstractions/AsyncPageable.cs and src/Abstractions/Page.cs
namespace Microsoft.DurableTask;

public abstract class AsyncPageable<T> : IAsyncEnumerable<T>
    where T : notnull
{
    public abstract IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = default, int? pageSizeHint = default);

    public async IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        await foreach (var page in AsPages().WithCancellation(cancellationToken))
        {
            foreach (var value in page.Values)
            {
                yield return value;
            }
        }
    }
}

public sealed class Page<T>(IReadOnlyList<T> values, string? continuationToken = null)
    where T : notnull
{
    public IReadOnlyList<T> Values { get; } = values ?? throw new ArgumentNullException(nameof(values));

    public string? ContinuationToken { get; } = continuationToken;
}
