using InterfaceFirmware.Drivers.Tpa6130a2;
using InterfaceFirmware.Hal;

namespace InterfaceFirmware.Firmware.Boot
{
    /// <summary>Checks at boot that the board's chips answer as expected, and says so in the log.</summary>
    public static class ChipPresence
    {
        private const string Source = "boot";

        /// <summary>True when the headphone amplifier answers with a TPA6130A2 revision (1 or 2).</summary>
        public static bool CheckAmplifier(Tpa6130a2Amplifier amplifier, ILog log)
        {
            int revision = amplifier.ReadRevision();
            if (revision < 0)
            {
                log.Write(LogLevel.Error, Source, "headphone amplifier does not answer on I2C");
                return false;
            }

            if (revision != 1 && revision != 2)
            {
                log.Write(LogLevel.Error, Source, "headphone amplifier reports unknown revision " + revision.ToString());
                return false;
            }

            log.Write(LogLevel.Info, Source, "TPA6130A2 revision " + revision.ToString());
            return true;
        }
    }
}
