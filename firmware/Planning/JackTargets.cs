using InterfaceFirmware.Drivers.Codec;
using InterfaceFirmware.Firmware.Model;

namespace InterfaceFirmware.Firmware.Planning
{
    /// <summary>
    /// What every gain stage feeding one jack should hold, in 0.01 dB, as planned from the settings
    /// and the state, with what that achieves at the jack and why. Filled in place by
    /// <see cref="JackPlanner"/> (no allocation in the loop).
    /// </summary>
    public sealed class JackTargets
    {
        /// <summary>The level asked for (0.01 dB re the DAC's full-scale output).</summary>
        public int LevelCentiDb;

        /// <summary>The headphone amplifier's gain (0 on a jack without one).</summary>
        public int AmplifierCentiDb;

        /// <summary>The codec's headphone output volume (both channels: they track exactly).</summary>
        public int HeadphoneCentiDb;

        /// <summary>The codec's DAC digital volume (both channels).</summary>
        public int DacCentiDb;

        /// <summary>The analogue monitor paths into the jack's codec output mixer.</summary>
        public MonitorGains Monitor;

        /// <summary>Playback gain reached at the jack: amplifier + headphone + DAC.</summary>
        public int PlaybackCentiDb;

        /// <summary>Monitor gain reached at the jack for an input at its own side (<see cref="Drivers.GainScale.Muted"/> when off).</summary>
        public int MonitorLevelCentiDb;

        /// <summary>The jack should be silent (muted, unplugged, below its range, not up yet).</summary>
        public bool Silent;

        /// <summary>The monitor mode actually planned (mono falls back where the codec cannot cross-feed).</summary>
        public MonitorMode MonitorMode;

        /// <summary>Why the stages hold what they hold (a constant: no allocation).</summary>
        public string Reason;

        /// <summary>
        /// Bumped each time the planner writes these targets (planning runs only when one of its
        /// inputs changed): a jack at rest at generation N has nothing to do while it stays N.
        /// </summary>
        public int Generation;

        public void CopyFrom(JackTargets other)
        {
            LevelCentiDb = other.LevelCentiDb;
            AmplifierCentiDb = other.AmplifierCentiDb;
            HeadphoneCentiDb = other.HeadphoneCentiDb;
            DacCentiDb = other.DacCentiDb;
            Monitor = other.Monitor;
            PlaybackCentiDb = other.PlaybackCentiDb;
            MonitorLevelCentiDb = other.MonitorLevelCentiDb;
            Silent = other.Silent;
            MonitorMode = other.MonitorMode;
            Reason = other.Reason;
        }
    }
}
