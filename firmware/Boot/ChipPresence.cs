using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Amplifier;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Boot
{
    /// <summary>Checks at boot that the board's chips answer as expected, and says so in the log.</summary>
    public static class ChipPresence
    {
        private const string Source = "boot";

        /// <summary>True when the headphone amplifier answers with a revision its driver knows.</summary>
        public static bool CheckAmplifier(IHeadphoneAmplifier amplifier, ILog log)
        {
            DriverStatus status = amplifier.Probe(out int revision);
            if (status == DriverStatus.BusFault)
            {
                log.Write(LogLevel.Error, Source, "headphone amplifier does not answer on I2C");
                return false;
            }

            if (status != DriverStatus.Ok)
            {
                log.Write(LogLevel.Error, Source, "headphone amplifier reports unknown revision " + revision.ToString());
                return false;
            }

            log.Write(LogLevel.Info, Source, amplifier.Name + " revision " + revision.ToString());
            return true;
        }
    }
}
