using System;

namespace InterfaceFirmware.NanoTestAdapter
{
    /// <summary>
    /// Names an assembly of nanoFramework-style unit tests for the xunit test assembly that carries
    /// this attribute to run. The nano test assembly stays free of xunit (it is the very assembly
    /// the device's test runner loads as NFUnitTest), so the xunit side points at it from outside.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
    public sealed class NanoTestAssemblyAttribute : Attribute
    {
        public NanoTestAssemblyAttribute(string assemblyName)
        {
            AssemblyName = assemblyName;
        }

        public string AssemblyName { get; }
    }
}
