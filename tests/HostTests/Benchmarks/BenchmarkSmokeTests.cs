using InterfaceFirmware.Benchmarks;
using Xunit;

namespace InterfaceFirmware.HostTests.Benchmarks
{
    /// <summary>
    /// The benchmark program still runs (figures come from running it in Release, not from here:
    /// these check it works, with one-second runs, and make no claim about speed).
    /// </summary>
    public sealed class BenchmarkSmokeTests
    {
        [Fact]
        public void EmulatorSpeedScenariosRun()
        {
            Assert.True(EmulatorSpeed.ReferenceBoardPlayback(1) > 0);
            Assert.True(EmulatorSpeed.AudioKitMonitoring(1) > 0);
        }
    }
}
