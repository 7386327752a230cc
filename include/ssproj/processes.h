// Runs across several processes (MPI): `mpirun -np N ssproj run|compare|sensitivity ...`.
//
// Every process loads the same scenarios and simulates its share of the replications
// (RunOptions::runs_here); process 0 gathers the others' results, values them and writes every
// table, bit for bit what one process writes. The other processes write nothing and print
// nothing. A build without Open MPI (or a run without mpirun) is one process.
#pragma once

namespace ssproj {

struct Processes {
  int rank = 0;  // this process
  int size = 1;  // processes in the run
};

// Whether this ssproj was built with MPI (CMake found Open MPI).
bool built_with_mpi();

// Starts MPI when ssproj was built with it (one process otherwise). Call once, first thing in
// main(), and finish_processes() before returning. MPI calls are made from the main thread only.
Processes start_processes(int* argc, char*** argv);
void finish_processes();

}  // namespace ssproj
