namespace Harness.Engine.Diff;

/// <summary>How many requests of each source were sent, and how many writes were left out.</summary>
/// <param name="Golden">Golden corpus payloads sent.</param>
/// <param name="Generated">Seeded generated requests sent.</param>
/// <param name="Capture">Capture requests replayed.</param>
/// <param name="SkippedWrites">Writes left out because the targets may share a store.</param>
/// <param name="PrimaryUnanswered">Requests the primary did not answer (not compared).</param>
public sealed record DiffTraffic(int Golden, int Generated, int Capture, int SkippedWrites, int PrimaryUnanswered)
{
    /// <summary>Requests sent to every target.</summary>
    public int Sent => Golden + Generated + Capture;
}
