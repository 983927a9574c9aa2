namespace Timing.Feeds;

/// <summary>A feed as served: its bytes, a strong ETag over them and when they last changed.</summary>
public sealed record RenderedFeed(byte[] Body, string ETag, Instant LastModified);
