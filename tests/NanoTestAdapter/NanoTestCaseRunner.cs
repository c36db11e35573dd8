using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using nanoFramework.TestFramework;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterfaceFirmware.NanoTestAdapter
{
    internal sealed class NanoTestCaseRunner : XunitTestCaseRunner
    {
        private readonly NanoTestCase _nanoCase;
        private readonly NanoClassRun _classRun;

        public NanoTestCaseRunner(NanoTestCase testCase, string displayName, string skipReason, object[] constructorArguments,
            object[] testMethodArguments, IMessageBus messageBus, ExceptionAggregator aggregator,
            CancellationTokenSource cancellationTokenSource, NanoClassRun classRun)
            : base(testCase, displayName, skipReason, constructorArguments, testMethodArguments, messageBus, aggregator, cancellationTokenSource)
        {
            _nanoCase = testCase;
            _classRun = classRun;
        }

        protected override async Task<RunSummary> RunTestAsync()
        {
            string skipReason = SkipReason;
            if (_nanoCase.Kind != NanoTestKind.Setup)
            {
                _classRun.EnsureSetupRan();
                skipReason = skipReason ?? _classRun.ClassSkipReason;
            }

            var skipBus = new SkipReportingMessageBus(MessageBus);
            var runner = new NanoTestRunner(_nanoCase, _classRun, new XunitTest(TestCase, DisplayName), skipBus, TestClass, ConstructorArguments,
                TestMethod, TestMethodArguments, skipReason, BeforeAfterAttributes, new ExceptionAggregator(Aggregator), CancellationTokenSource);
            RunSummary summary = await runner.RunAsync();
            summary.Failed -= skipBus.SkippedCount;
            summary.Skipped += skipBus.SkippedCount;
            return summary;
        }
    }

    /// <summary>Invokes one case with its output routed to the test's output.</summary>
    internal sealed class NanoTestRunner : XunitTestRunner
    {
        private readonly NanoTestCase _nanoCase;
        private readonly NanoClassRun _classRun;

        public NanoTestRunner(NanoTestCase nanoCase, NanoClassRun classRun, ITest test, IMessageBus messageBus, Type testClass,
            object[] constructorArguments, MethodInfo testMethod, object[] testMethodArguments, string skipReason,
            IReadOnlyList<BeforeAfterTestAttribute> beforeAfterAttributes, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
            : base(test, messageBus, testClass, constructorArguments, testMethod, testMethodArguments, skipReason, beforeAfterAttributes, aggregator, cancellationTokenSource)
        {
            _nanoCase = nanoCase;
            _classRun = classRun;
        }

        protected override async Task<Tuple<decimal, string>> InvokeTestAsync(ExceptionAggregator aggregator)
        {
            var output = new TestOutputHelper();
            output.Initialize(MessageBus, Test);
            OutputHelperBridge.RouteTo(output.WriteLine);
            try
            {
                decimal elapsed = await InvokeTestMethodAsync(aggregator);
                OutputHelperBridge.Flush();
                return Tuple.Create(elapsed, output.Output);
            }
            finally
            {
                OutputHelperBridge.RouteTo(null);
                output.Uninitialize();
            }
        }

        protected override Task<decimal> InvokeTestMethodAsync(ExceptionAggregator aggregator)
        {
            switch (_nanoCase.Kind)
            {
                case NanoTestKind.TestMethod:
                case NanoTestKind.DataRow:
                    return base.InvokeTestMethodAsync(aggregator);
                case NanoTestKind.Setup:
                    return Timed(aggregator, _classRun.RunSetup);
                case NanoTestKind.Cleanup:
                    return Timed(aggregator, _classRun.RunCleanup);
                default:
                    return Timed(aggregator, () => throw new InvalidOperationException(_nanoCase.Problem));
            }
        }

        private static Task<decimal> Timed(ExceptionAggregator aggregator, Action action)
        {
            Stopwatch stopwatch = Stopwatch.StartNew();
            aggregator.Run(action);
            return Task.FromResult((decimal)stopwatch.Elapsed.TotalSeconds);
        }
    }

    /// <summary>Gives the adapter access to <see cref="OutputHelper"/>'s routing (internal to the framework).</summary>
    internal static class OutputHelperBridge
    {
        public static void RouteTo(Action<string> sink) => OutputHelper.RouteTo(sink);

        public static void Flush() => OutputHelper.Flush();
    }
}
