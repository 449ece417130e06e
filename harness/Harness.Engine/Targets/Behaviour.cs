using StageContract.Modes;

namespace Harness.Engine.Targets;

/// <summary>
/// How a target treated a request carrying an unknown stage (contract section 4): the one thing a
/// request reveals about the effective mode it was decided in, whatever the target says about itself.
/// </summary>
public enum Behaviour
{
    /// <summary>400 with the stage rejection's code: enforce.</summary>
    Rejected,

    /// <summary>Served with <c>X-Stage-Would-Reject: true</c>: shadow.</summary>
    WouldReject,

    /// <summary>Served with the deprecation set and no would-reject flag: warn.</summary>
    Warned,

    /// <summary>Served with neither: off.</summary>
    Silent,

    /// <summary>Any other answer (5xx, another status, no answer): no mode can be read from it.</summary>
    Unclassifiable,
}

/// <summary>Maps a behaviour to the effective mode it reveals.</summary>
public static class BehaviourModes
{
    /// <summary>The effective mode the behaviour reveals; null for <see cref="Behaviour.Unclassifiable"/>.</summary>
    public static EffectiveMode? Mode(this Behaviour behaviour) => behaviour switch
    {
        Behaviour.Rejected => EffectiveMode.Enforce,
        Behaviour.WouldReject => EffectiveMode.Shadow,
        Behaviour.Warned => EffectiveMode.Warn,
        Behaviour.Silent => EffectiveMode.Off,
        _ => null,
    };
}
