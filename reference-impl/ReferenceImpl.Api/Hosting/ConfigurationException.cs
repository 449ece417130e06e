namespace ReferenceImpl.Api.Hosting;

/// <summary>Invalid configuration; the message is one line and names the variable.</summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string message) : base(message) { }

    public ConfigurationException(string message, Exception innerException) : base(message, innerException) { }

    public ConfigurationException() { }
}
