import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Bundle } from 'fhir/r4';
import { apiRequest } from './client.ts';
import { queryKeys } from './keys.ts';
import type { InitializePatientInput, PatientRecord } from './types.ts';

/** GET /api/patients: the sandbox's synthetic members. */
export function usePatients() {
  return useQuery({
    queryKey: queryKeys.patients,
    queryFn: ({ signal }) => apiRequest<PatientRecord[]>('/patients', { signal }),
  });
}

/** GET /api/patients/{id}/data: every resource of the member, as a collection Bundle (My Data). */
export function usePatientData(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.patientData(id ?? ''),
    queryFn: ({ signal }) =>
      apiRequest<Bundle>(`/patients/${encodeURIComponent(id ?? '')}/data`, {
        signal,
        accept: 'application/fhir+json, application/json',
      }),
    enabled: id !== undefined,
  });
}

/** POST /api/patients: "Initialize Patient" (generates and loads a synthetic member; takes a second or two). */
export function useInitializePatient() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: InitializePatientInput) =>
      apiRequest<PatientRecord>('/patients', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.patients, exact: true }),
  });
}

/** DELETE /api/patients/{id}: removes the member and every resource of theirs. */
export function useDeletePatient() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<undefined>(`/patients/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: (_data, id) => {
      client.removeQueries({ queryKey: queryKeys.patientData(id) });
      return client.invalidateQueries({ queryKey: queryKeys.patients, exact: true });
    },
  });
}
