using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using InterfaceFirmware.NanoTestAdapter;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterfaceFirmware.HostTests.Adapter
{
    /// <summary>What the adapter reported for one case.</summary>
    public sealed record CaseResult(string DisplayName, string Outcome, string Message, string Output);

    /// <summary>
    /// Runs the adapter in-process over an assembly of nano-style tests, the way the xunit VSTest
    /// runner drives it (discover, then run the discovered cases), and collects what it reports.
    /// </summary>
    public sealed class AdapterRun
    {
        private AdapterRun(IReadOnlyList<CaseResult> results, int discovered, RunSummaryCounts totals)
        {
            Results = results;
            Discovered = discovered;
            Totals = totals;
        }

        public IReadOnlyList<CaseResult> Results { get; }

        public int Discovered { get; }

        /// <summary>The assembly-level counts xunit hands to the VSTest runner.</summary>
        public RunSummaryCounts Totals { get; }

        public CaseResult Single(string displayNameEnd)
        {
            return Results.Single(r => r.DisplayName.EndsWith(displayNameEnd, StringComparison.Ordinal));
        }

        public static AdapterRun Of(Assembly assembly)
        {
            var framework = new NanoTestFramework(new Collector());
            ITestFrameworkDiscoverer discoverer = framework.GetDiscoverer(Reflector.Wrap(assembly));
            var discovery = new Collector();
            discoverer.Find(false, discovery, new Options());
            discovery.Finished.WaitOne(TimeSpan.FromSeconds(30));
            ITestCase[] cases = discovery.Messages.OfType<ITestCaseDiscoveryMessage>().Select(m => m.TestCase).ToArray();

            // Round-trip through serialization like the VSTest runner does between discovery and execution.
            ITestFrameworkExecutor executor = framework.GetExecutor(assembly.GetName());
            ITestCase[] deserialized = cases.Select(c => executor.Deserialize(discoverer.Serialize(c))).ToArray();
            var execution = new Collector();
            executor.RunTests(deserialized, execution, new Options());
            execution.Finished.WaitOne(TimeSpan.FromSeconds(60));

            var results = new List<CaseResult>();
            foreach (IMessageSinkMessage message in execution.Messages)
            {
                switch (message)
                {
                    case ITestPassed passed:
                        results.Add(new CaseResult(passed.Test.DisplayName, "Passed", null, passed.Output));
                        break;
                    case ITestFailed failed:
                        results.Add(new CaseResult(failed.Test.DisplayName, "Failed", string.Join(" | ", failed.Messages), failed.Output));
                        break;
                    case ITestSkipped skipped:
                        results.Add(new CaseResult(skipped.Test.DisplayName, "Skipped", skipped.Reason, skipped.Output));
                        break;
                }
            }

            ITestAssemblyFinished finished = execution.Messages.OfType<ITestAssemblyFinished>().Single();
            var totals = new RunSummaryCounts(finished.TestsRun, finished.TestsFailed, finished.TestsSkipped);
            return new AdapterRun(results, cases.Length, totals);
        }

        private sealed class Collector : LongLivedMarshalByRefObject, IMessageSink
        {
            private readonly List<IMessageSinkMessage> _messages = new List<IMessageSinkMessage>();

            public ManualResetEvent Finished { get; } = new ManualResetEvent(false);

            public IReadOnlyList<IMessageSinkMessage> Messages
            {
                get
                {
                    lock (_messages)
                    {
                        return _messages.ToArray();
                    }
                }
            }

            public bool OnMessage(IMessageSinkMessage message)
            {
                lock (_messages)
                {
                    _messages.Add(message);
                }

                if (message is IDiscoveryCompleteMessage || message is ITestAssemblyFinished)
                {
                    Finished.Set();
                }

                return true;
            }
        }

        private sealed class Options : LongLivedMarshalByRefObject, ITestFrameworkDiscoveryOptions, ITestFrameworkExecutionOptions
        {
            private readonly Dictionary<string, object> _values = new Dictionary<string, object>();

            public TValue GetValue<TValue>(string name)
            {
                return _values.TryGetValue(name, out object value) ? (TValue)value : default;
            }

            public void SetValue<TValue>(string name, TValue value)
            {
                _values[name] = value;
            }
        }
    }

    public sealed record RunSummaryCounts(int Total, int Failed, int Skipped);
}
