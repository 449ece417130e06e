namespace ReferenceImpl.Api.Validation;

/// <summary>How stages arrive (the <c>input_type</c> label and the rejection code).</summary>
public enum InputType
{
    Array,
    Object,
    Query,
    Scalar,
}
