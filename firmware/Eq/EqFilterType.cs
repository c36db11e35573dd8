namespace InterfaceFirmware.Firmware.Eq
{
    /// <summary>A parametric band's shape (RBJ Audio EQ Cookbook); the values are the stored codes.</summary>
    public enum EqFilterType
    {
        /// <summary>Unused slot: passes the signal unaltered.</summary>
        None = 0,

        /// <summary>Peaking (bell): gain at the frequency, width by Q.</summary>
        Peaking = 1,

        /// <summary>Low shelf: gain below the frequency (the shelf midpoint), slope by Q.</summary>
        LowShelf = 2,

        /// <summary>High shelf: gain above the frequency.</summary>
        HighShelf = 3,

        /// <summary>Second-order low-pass at the frequency, resonance by Q; gain ignored.</summary>
        LowPass = 4,

        /// <summary>Second-order high-pass at the frequency; gain ignored.</summary>
        HighPass = 5,
    }
}
