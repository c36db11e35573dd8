using nanoFramework.TestFramework;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterfaceFirmware.NanoTestAdapter
{
    /// <summary>
    /// xunit 2 has no run-time skip: a test that throws is failed. This bus turns the failure of a
    /// test that threw exactly <see cref="SkipTestException"/> (nano's <c>Assert.SkipTest</c>)
    /// into a skip, and counts them so the run summary can be corrected.
    /// </summary>
    internal sealed class SkipReportingMessageBus : IMessageBus
    {
        private static readonly string SkipExceptionName = typeof(SkipTestException).FullName;
        private readonly IMessageBus _inner;

        public SkipReportingMessageBus(IMessageBus inner)
        {
            _inner = inner;
        }

        public int SkippedCount { get; private set; }

        public bool QueueMessage(IMessageSinkMessage message)
        {
            if (message is ITestFailed failed && failed.ExceptionTypes.Length > 0 && failed.ExceptionTypes[0] == SkipExceptionName)
            {
                SkippedCount++;
                string reason = string.IsNullOrEmpty(failed.Messages[0]) ? "Assert.SkipTest" : failed.Messages[0];
                return _inner.QueueMessage(new TestSkipped(failed.Test, reason));
            }

            return _inner.QueueMessage(message);
        }

        public void Dispose()
        {
            // The inner bus belongs to the caller.
        }
    }
}
