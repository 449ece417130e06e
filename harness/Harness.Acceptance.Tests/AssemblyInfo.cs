// Every test here runs whole phases: load gates, latency percentiles and a drill timed in real time.
// Two at once on a small machine would judge each other's load, so the assembly runs one test at a
// time (and run-tests runs it alone, in the timing-dependent group).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
