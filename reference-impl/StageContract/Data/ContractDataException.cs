namespace StageContract.Data;

/// <summary>The contract data file is missing, unreadable or inconsistent. The message is one line.</summary>
public sealed class ContractDataException : Exception
{
    public ContractDataException(string message) : base(message) { }

    public ContractDataException(string message, Exception innerException) : base(message, innerException) { }

    public ContractDataException() { }
}
