using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterfaceFirmware.NanoTestAdapter
{
    /// <summary>One case of a nano test class: a Setup, a test method, one DataRow of a method, or a Cleanup.</summary>
    /// <remarks>
    /// Derives from <see cref="TestMethodTestCase"/> rather than <see cref="XunitTestCase"/>: the latter
    /// reads its settings from a [Fact] attribute, which nano test methods do not carry.
    /// </remarks>
    public sealed class NanoTestCase : TestMethodTestCase, IXunitTestCase
    {
        [EditorBrowsable(EditorBrowsableState.Never)]
        [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
        public NanoTestCase()
        {
        }

        internal NanoTestCase(TestMethodDisplay display, TestMethodDisplayOptions displayOptions,
            ITestMethod testMethod, NanoTestKind kind, int row, object[] rowArguments)
            : base(display, displayOptions, testMethod, rowArguments)
        {
            Kind = kind;
            Row = row;
        }

        /// <summary>No per-test timeout: the device launcher has none either.</summary>
        public int Timeout
        {
            get { return 0; }
        }

        /// <summary>What this case stands for.</summary>
        public NanoTestKind Kind { get; private set; }

        /// <summary>The DataRow's index among the method's rows; -1 for other kinds.</summary>
        public int Row { get; private set; }

        /// <summary>Why an <see cref="NanoTestKind.Invalid"/> case fails.</summary>
        public string Problem { get; private set; }

        internal static NanoTestCase CreateInvalid(TestMethodDisplay display, TestMethodDisplayOptions displayOptions,
            ITestMethod testMethod, string problem)
        {
            return new NanoTestCase(display, displayOptions, testMethod, NanoTestKind.Invalid, -1, null) { Problem = problem };
        }

        protected override void Initialize()
        {
            base.Initialize();
            if (Kind == NanoTestKind.Setup || Kind == NanoTestKind.Cleanup)
            {
                DisplayName = DisplayName + " [" + Kind + "]";
            }
        }

        protected override string GetUniqueID()
        {
            return base.GetUniqueID() + ":" + Kind + ":" + Row;
        }

        public override void Serialize(IXunitSerializationInfo data)
        {
            base.Serialize(data);
            data.AddValue("NanoKind", (int)Kind);
            data.AddValue("NanoRow", Row);
            data.AddValue("NanoProblem", Problem);
        }

        public override void Deserialize(IXunitSerializationInfo data)
        {
            Kind = (NanoTestKind)data.GetValue<int>("NanoKind");
            Row = data.GetValue<int>("NanoRow");
            Problem = data.GetValue<string>("NanoProblem");
            base.Deserialize(data);
        }

        /// <summary>Runs the case on its own, outside its class's run (its Setup runs just for it).</summary>
        public Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
            ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        {
            var classRun = new NanoClassRun(TestMethod.TestClass.Class.ToRuntimeType());
            return RunAsync(diagnosticMessageSink, messageBus, constructorArguments, aggregator, cancellationTokenSource, classRun);
        }

        internal Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments,
            ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource, NanoClassRun classRun)
        {
            return new NanoTestCaseRunner(this, DisplayName, SkipReason, constructorArguments, TestMethodArguments, messageBus,
                aggregator, cancellationTokenSource, classRun).RunAsync();
        }
    }
}
