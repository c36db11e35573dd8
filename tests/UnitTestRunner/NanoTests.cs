using InterfaceFirmware.NanoTestAdapter;
using Xunit;

// The unit tests are written for nanoFramework's test runner; this assembly only hands them to xunit.
[assembly: TestFramework("InterfaceFirmware.NanoTestAdapter.NanoTestFramework", "InterfaceFirmware.NanoTestAdapter")]
[assembly: NanoTestAssembly("NFUnitTest")]
