namespace ReferenceImpl.Api.Profiles;

/// <summary>How an allocation item with an unknown stage (served outside enforce) is echoed.</summary>
public enum UnknownItemEcho
{
    /// <summary><c>{"stage": null, "rawStage": "&lt;as sent&gt;"}</c>.</summary>
    NullStageWithRawStage,

    /// <summary><c>{"stage": "&lt;as sent&gt;"}</c>: the raw value in <c>stage</c>, no extra member.</summary>
    RawValueInStage,
}
