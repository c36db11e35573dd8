using InterfaceFirmware.Drivers;
using InterfaceFirmware.Drivers.Sgtl5000;

namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>
    /// The SGTL5000's automatic volume control (DAP AVC) as a peak limiter after the EQ: hard
    /// limit on, no make-up gain (MAX_GAIN 0 dB), the 25 ms level integrator, a fast attack
    /// (DAP_AVC_ATTACK 0x400, about 800 dB/s against the default 32 dB/s: the hard limit squares
    /// the signal until the gain is down, a few milliseconds instead of a few hundred), the threshold
    /// register from a cap in dBFS as Linux sgtl5000.c computes it (10^(dB/20) · 0.636 · 2^15,
    /// the AVC comparing its rectified average with the threshold). The cap is at the DAP's
    /// output; what it is in V rms at a jack depends on the DAC and output volumes after it.
    /// Needs playback routed through the DAP (<see cref="EqLoader"/> does so).
    /// </summary>
    public static class PeakLimiter
    {
        // DAP_AVC_CTRL: MAX_GAIN (13:12) = 0 → 0 dB, LBI_RESPONSE (9:8) = 1 → 25 ms.
        private const int Integrator25Ms = 0x0100;

        /// <summary>DAP_AVC_ATTACK: gain × (1 − code/2^19) per sample while over the threshold.</summary>
        public const int FastAttack = 0x0400;

        /// <summary>DAP_AVC_THRESHOLD for a cap of <paramref name="capDbfs"/> (clamped to 0 … 0xFFFF).</summary>
        public static int ThresholdCode(double capDbfs)
        {
            int code = EqMath.Round(EqMath.DbToGain(capDbfs) * 0.636 * 32768);
            return code < 0 ? 0 : (code > 0xFFFF ? 0xFFFF : code);
        }

        /// <summary>Peaks held at or under <paramref name="capCentiDbfs"/> (0.01 dBFS at the DAP's output).</summary>
        public static DriverStatus Enable(Sgtl5000Codec codec, int capCentiDbfs)
        {
            codec.UpdateRegister(Sgtl5000Registers.DapAvcThreshold, 0xFFFF, ThresholdCode(capCentiDbfs / 100.0));
            codec.UpdateRegister(Sgtl5000Registers.DapAvcAttack, 0x0FFF, FastAttack);
            codec.UpdateRegister(Sgtl5000Registers.DapAvcControl,
                Sgtl5000Registers.AvcMaxGainMask | Sgtl5000Registers.AvcIntegratorMask | Sgtl5000Registers.AvcHardLimit | Sgtl5000Registers.AvcEnable,
                Integrator25Ms | Sgtl5000Registers.AvcHardLimit | Sgtl5000Registers.AvcEnable);
            return codec.Status;
        }

        public static DriverStatus Disable(Sgtl5000Codec codec)
        {
            codec.UpdateRegister(Sgtl5000Registers.DapAvcControl, Sgtl5000Registers.AvcEnable, 0);
            return codec.Status;
        }
    }
}
