namespace InterfaceFirmware.Hal
{
    /// <summary>Where the device's power comes from, as far as the board can tell.</summary>
    public enum PowerSourceKind
    {
        /// <summary>The board cannot tell (no sense lines), or nothing is attached.</summary>
        Unknown = 0,

        /// <summary>A computer's USB port (data lines active).</summary>
        ComputerPort = 1,

        /// <summary>A battery pack: switches itself off when the draw stays low for a while.</summary>
        PowerBank = 2,

        /// <summary>A wall charger: power with no data and no auto-off.</summary>
        Charger = 3,
    }

    /// <summary>Power source sensing and the switchable keep-alive load for power banks.</summary>
    public interface IPowerSupply
    {
        /// <summary>The kind of source, where the board can observe it.</summary>
        PowerSourceKind Source { get; }

        /// <summary>True while the keep-alive load draws current.</summary>
        bool KeepAliveLoadOn { get; }

        /// <summary>Switches the keep-alive load (a resistor that makes a power bank see a real load).</summary>
        void SetKeepAliveLoad(bool on);
    }
}
