namespace ReferenceImpl.Api.Profiles;

/// <summary>What an unknown <c>?stage=</c> filter of the companies endpoint matches when it is served (outside enforce).</summary>
public enum UnknownFilterMatch
{
    /// <summary>Nothing: the filter is never widened.</summary>
    Nothing,

    /// <summary>Companies whose stored stage equals the raw value literally (legacy rows); never a canonical stage, since a value equal to one is not unknown.</summary>
    StoredStageLiterally,
}
