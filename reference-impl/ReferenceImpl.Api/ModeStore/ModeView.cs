namespace ReferenceImpl.Api.ModeStore;

/// <summary>The current and the configured global mode.</summary>
public sealed record ModeView(string Mode, string ConfiguredMode);
