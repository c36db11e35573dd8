namespace InterfaceFirmware.Firmware.Model
{
    /// <summary>Where the device is in its life.</summary>
    public enum DevicePhase
    {
        /// <summary>Chips being taken charge of and powered up; outputs muted.</summary>
        Booting = 0,

        /// <summary>Up: the jacks follow the settings.</summary>
        Running = 1,

        /// <summary>A chip failed to come up; outputs muted, the fault shown.</summary>
        Fault = 2,
    }

    /// <summary>What one jack is doing at runtime (not persisted).</summary>
    public sealed class JackState
    {
        /// <summary>A plug is in (a jack the board cannot sense counts as plugged).</summary>
        public bool Plugged = true;

        /// <summary>The user muted it (un-muted again by the mute action or a volume step up).</summary>
        public bool Muted;

        /// <summary>Below the bottom of the range: silent until a step up.</summary>
        public bool AtFloor;
    }

    /// <summary>
    /// The runtime state: what the firmware knows now and forgets at power-off. Settings are what
    /// the user chose; targets are derived from both.
    /// </summary>
    public sealed class DeviceState
    {
        public DeviceState(int jackCount)
        {
            Jacks = new JackState[jackCount];
            for (int i = 0; i < jackCount; i++)
            {
                Jacks[i] = new JackState();
            }
        }

        public JackState[] Jacks { get; }

        public DevicePhase Phase;

        /// <summary>The jack the volume keys control.</summary>
        public int SelectedJack;

        /// <summary>Until when (ms) the LEDs show which jack was just selected.</summary>
        public long ShowSelectionUntilMs = -1;

        /// <summary>Something the user asked for is under way (power-up, auto gain listening).</summary>
        public bool Busy;

        /// <summary>A chip fault is being shown.</summary>
        public bool Fault;

        /// <summary>Until when (ms) the clip indication holds.</summary>
        public long ClipUntilMs = -1;

        /// <summary>Until when (ms) the LEDs show how the last auto gain went.</summary>
        public long AutoGainShownUntilMs = -1;

        /// <summary>Until when the LEDs count the selected jack's EQ preset (after a step).</summary>
        public long EqShownUntilMs = -1;

        /// <summary>The preset they count (flashes = preset + 1).</summary>
        public int EqShownPreset;

        /// <summary>The last auto gain set both inputs (or found one silent).</summary>
        public bool AutoGainSucceeded;

        /// <summary>The input whose gain the volume keys move (0, 1), or -1: the selected jack's level.</summary>
        public int InputFocus = -1;

        /// <summary>The selected jack's graphic or bass/treble band the volume keys move (0 …), or -1.</summary>
        public int EqFocus = -1;

        /// <summary>A computer configured the device (USB mode); false: standalone.</summary>
        public bool UsbMode;
    }
}
