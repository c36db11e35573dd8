namespace InterfaceFirmware.Drivers
{
    /// <summary>What a driver operation achieved. Bus errors are statuses, never exceptions.</summary>
    public enum DriverStatus
    {
        /// <summary>Done (or started, for operations that run over ticks).</summary>
        Ok = 0,

        /// <summary>The chip did not answer (or kept failing) after the bounded retries.</summary>
        BusFault = 1,

        /// <summary>The chip answered but is not the expected part (wrong revision, wrong ID).</summary>
        WrongDevice = 2,

        /// <summary>Not allowed now (e.g. changing clocks while outputs are live, or during a transition).</summary>
        InvalidState = 3,

        /// <summary>The chip cannot do what was asked (a rate its clock cannot make, a route it lacks).</summary>
        Unsupported = 4,
    }
}
