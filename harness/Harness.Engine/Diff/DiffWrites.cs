namespace Harness.Engine.Diff;

/// <summary>Whether the diff may send writes (contract section 3: POST, PUT, PATCH of the persisted resources).</summary>
public enum DiffWrites
{
    /// <summary><c>reads-only</c> (the default): the targets may share a store, so a write sent to each would be applied twice; writes are left out.</summary>
    ReadsOnly,

    /// <summary><c>separate-stores</c>: each target has a store of its own, so every target gets the writes, with its own fixtures.</summary>
    SeparateStores,
}
