using ReferenceImpl.Api.Hosting;

namespace ReferenceImpl.Api.Tests.Faults;

/// <summary>
/// How to see one fault from outside: the configuration it shows in, and a check over HTTP that is
/// true when the rule is broken in the fault's intended way (and false on a clean service).
/// </summary>
internal sealed record FaultProbe(ServiceOptions Options, Func<ServiceHost, Task<bool>> IsBrokenAsync);
