using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace InterfaceFirmware.NanoTestAdapter
{
    /// <summary>
    /// The xunit test framework that runs nanoFramework.TestFramework tests. Select it in the
    /// xunit test assembly with
    /// <c>[assembly: Xunit.TestFramework("InterfaceFirmware.NanoTestAdapter.NanoTestFramework", "InterfaceFirmware.NanoTestAdapter")]</c>
    /// and name the nano test assemblies with <see cref="NanoTestAssemblyAttribute"/>. Ordinary
    /// xunit tests in the same assembly keep running as usual.
    /// </summary>
    public sealed class NanoTestFramework : XunitTestFramework
    {
        public NanoTestFramework(IMessageSink messageSink)
            : base(messageSink)
        {
        }

        protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo)
        {
            return new NanoTestDiscoverer(new NanoTestAssemblyInfo(assemblyInfo), SourceInformationProvider, DiagnosticMessageSink);
        }

        protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName)
        {
            return new NanoTestExecutor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);
        }
    }
}
