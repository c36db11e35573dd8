using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterfaceFirmware.NanoTestAdapter
{
    // The xunit runner chain, specialised at each level only where nanoFramework semantics differ:
    // nano classes keep the launcher's order and share a NanoClassRun (Setup once, Cleanup once).

    internal sealed class NanoTestAssemblyRunner : XunitTestAssemblyRunner
    {
        public NanoTestAssemblyRunner(ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
            IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
            : base(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
        {
        }

        protected override Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection,
            IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
        {
            return new NanoTestCollectionRunner(testCollection, testCases, DiagnosticMessageSink, messageBus, TestCaseOrderer,
                new ExceptionAggregator(Aggregator), cancellationTokenSource).RunAsync();
        }
    }

    internal sealed class NanoTestCollectionRunner : XunitTestCollectionRunner
    {
        public NanoTestCollectionRunner(ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
            IMessageBus messageBus, ITestCaseOrderer testCaseOrderer, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
            : base(testCollection, testCases, diagnosticMessageSink, messageBus, testCaseOrderer, aggregator, cancellationTokenSource)
        {
        }

        protected override Task<RunSummary> RunTestClassAsync(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases)
        {
            if (!NanoTestDiscoverer.IsNanoTestClass(@class.Type))
            {
                return base.RunTestClassAsync(testClass, @class, testCases);
            }

            return new NanoTestClassRunner(testClass, @class, testCases, DiagnosticMessageSink, MessageBus,
                new ExceptionAggregator(Aggregator), CancellationTokenSource, CollectionFixtureMappings).RunAsync();
        }
    }

    internal sealed class NanoTestClassRunner : XunitTestClassRunner
    {
        private readonly NanoClassRun _classRun;

        public NanoTestClassRunner(ITestClass testClass, IReflectionTypeInfo @class, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
            IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource,
            IDictionary<System.Type, object> collectionFixtureMappings)
            : base(testClass, @class, testCases, diagnosticMessageSink, messageBus, new NanoLauncherOrderer(), aggregator, cancellationTokenSource, collectionFixtureMappings)
        {
            _classRun = new NanoClassRun(@class.Type);
        }

        protected override Task<RunSummary> RunTestMethodAsync(ITestMethod testMethod, IReflectionMethodInfo method,
            IEnumerable<IXunitTestCase> testCases, object[] constructorArguments)
        {
            return new NanoTestMethodRunner(testMethod, Class, method, testCases, DiagnosticMessageSink, MessageBus,
                new ExceptionAggregator(Aggregator), CancellationTokenSource, constructorArguments, _classRun).RunAsync();
        }

        protected override async Task BeforeTestClassFinishedAsync()
        {
            // Cleanup runs even when its own case was filtered out of this run; a failure then
            // shows as xunit's class cleanup failure.
            System.Exception cleanupFailure = _classRun.EnsureCleanupRan();
            if (cleanupFailure != null)
            {
                Aggregator.Add(cleanupFailure);
            }

            await base.BeforeTestClassFinishedAsync();
        }
    }

    internal sealed class NanoTestMethodRunner : XunitTestMethodRunner
    {
        private readonly IMessageSink _diagnosticMessageSink;
        private readonly object[] _constructorArguments;
        private readonly NanoClassRun _classRun;

        public NanoTestMethodRunner(ITestMethod testMethod, IReflectionTypeInfo @class, IReflectionMethodInfo method, IEnumerable<IXunitTestCase> testCases,
            IMessageSink diagnosticMessageSink, IMessageBus messageBus, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource,
            object[] constructorArguments, NanoClassRun classRun)
            : base(testMethod, @class, method, testCases, diagnosticMessageSink, messageBus, aggregator, cancellationTokenSource, constructorArguments)
        {
            _diagnosticMessageSink = diagnosticMessageSink;
            _constructorArguments = constructorArguments;
            _classRun = classRun;
        }

        protected override Task<RunSummary> RunTestCaseAsync(IXunitTestCase testCase)
        {
            if (testCase is NanoTestCase nanoCase)
            {
                return nanoCase.RunAsync(_diagnosticMessageSink, MessageBus, _constructorArguments, new ExceptionAggregator(Aggregator),
                    CancellationTokenSource, _classRun);
            }

            return base.RunTestCaseAsync(testCase);
        }
    }

    /// <summary>Orders a nano class's cases as the device launcher runs them.</summary>
    internal sealed class NanoLauncherOrderer : ITestCaseOrderer
    {
        public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
            where TTestCase : ITestCase
        {
            return testCases
                .OrderBy(tc => tc is NanoTestCase n ? (int)n.Kind : int.MaxValue)
                .ThenBy(tc => ((IReflectionMethodInfo)tc.TestMethod.Method).MethodInfo.MetadataToken)
                .ThenBy(tc => tc is NanoTestCase n ? n.Row : 0)
                .ToList();
        }
    }
}
