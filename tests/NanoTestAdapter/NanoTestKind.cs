namespace InterfaceFirmware.NanoTestAdapter
{
    /// <summary>
    /// What a discovered case stands for. The nanoFramework launcher reports Setup and Cleanup as
    /// results of their own ("Test passed,Class.Setup,…"), so they are cases here too.
    /// Values give the launcher's order within a class.
    /// </summary>
    public enum NanoTestKind
    {
        Setup = 0,
        TestMethod = 1,
        DataRow = 2,
        Cleanup = 3,

        /// <summary>A method the device launcher would silently ignore or fail on; reported as a failure.</summary>
        Invalid = 4,
    }
}
